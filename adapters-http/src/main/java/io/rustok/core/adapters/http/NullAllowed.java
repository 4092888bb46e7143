package io.rustok.core.adapters.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a request record that may be sent as an explicit JSON {@code null}, with the
 * same meaning as leaving it out. {@link JsonCodec} rejects a {@code null} on every other
 * component.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface NullAllowed {}
