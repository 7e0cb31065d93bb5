/** A modular application that reaches for csp's internals: it must not compile. */
module intruder {
  requires io.github.cspkit.csp;
}
