/** A modular application that uses csp through its module's exports only. */
module consumer {
  requires io.github.cspkit.csp;
}
