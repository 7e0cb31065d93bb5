/**
 * The runnable examples of csp: the command line ({@link io.github.cspkit.csp.examples.Main}) and
 * a year in the life of a partner ({@link io.github.cspkit.csp.examples.DemoYear}).
 */
@NullMarked
package io.github.cspkit.csp.examples;

import org.jspecify.annotations.NullMarked;
