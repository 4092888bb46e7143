package io.rustok.core.bootstrap;

/**
 * One environment variable the service reads: its name, its default (null when it has none) and
 * what it sets. {@link Settings#ALL} lists every one.
 */
public record Setting(String name, String defaultValue, String description) {}
