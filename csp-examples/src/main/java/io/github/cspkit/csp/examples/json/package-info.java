/**
 * JSON for csp's public values through Jackson ({@link
 * io.github.cspkit.csp.examples.json.CspJacksonModule}), kept out of csp-core so that the library
 * gains no dependency.
 */
@NullMarked
package io.github.cspkit.csp.examples.json;

import org.jspecify.annotations.NullMarked;
