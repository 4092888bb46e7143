package io.rustok.core.benchmarks;

/** One way to store a new node in a transaction of its own, called by many client threads. */
@FunctionalInterface
interface NodeCreation {
  /**
   * Creates one node and commits.
   *
   * @param client index of the calling client thread, from 0
   * @param sequence number of this creation within the client, from 0; with {@code client} it makes
   *     the node's slug unique
   */
  void create(int client, long sequence) throws Exception;
}
