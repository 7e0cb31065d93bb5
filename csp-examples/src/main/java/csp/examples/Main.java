package csp.examples;

/** Command-line entry point of csp-examples: {@code run FILE...} and {@code demo}. */
public final class Main {
  private Main() {}

  /**
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    System.err.println("usage: java -jar csp-examples.jar run FILE... | demo");
    System.exit(2);
  }
}
