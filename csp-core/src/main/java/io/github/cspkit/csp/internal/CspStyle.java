package io.github.cspkit.csp.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * The one Immutables style of csp, set on each package's {@code package-info}.
 * Generated {@code Immutable*} classes are package-private and hidden behind the abstract value
 * type; builders are exposed as a nested {@code Builder} of the abstract type. Generated code
 * carries no annotation found on the class path ({@code @Generated}, Error Prone's): a consumer on
 * the module path, which has none of them, compiles with {@code -Xlint:all -Werror}. A builder
 * missing a required attribute throws {@link NullPointerException}, as a null argument does.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    defaults = @Value.Immutable(copy = true),
    get = {"is*", "get*"},
    jdkOnly = false,
    privateNoargConstructor = false,
    allowedClasspathAnnotations = {Override.class},
    throwForInvalidImmutableState = NullPointerException.class)
public @interface CspStyle {}
