package io.github.cspkit.csp.access;

/** Why a GDAP relationship ended (GDA-1, GDA-3, GDA-4), with the rule that says so. */
public enum GdapEndReason {
  /** Not approved within the request's validity, 90 days (GDA-1). */
  REQUEST_EXPIRED("GDA-1", "the request was not approved in time"),
  /** Its duration ran out with auto-extend off (GDA-3). */
  EXPIRED("GDA-3", "its duration ran out with auto-extend off"),
  /** Terminated by the partner (GDA-4). */
  TERMINATED_BY_PARTNER("GDA-4", "the partner terminated it"),
  /** Terminated by the customer's admin (GDA-4). */
  TERMINATED_BY_CUSTOMER("GDA-4", "the customer's admin terminated it");

  private final String rule;
  private final String words;

  GdapEndReason(String rule, String words) {
    this.rule = rule;
    this.words = words;
  }

  /** @return the rule that ends a relationship this way */
  public String rule() {
    return rule;
  }

  /** @return the reason in words, for refusals */
  public String words() {
    return words;
  }

  /**
   * @param side who terminated
   * @return the matching reason
   */
  public static GdapEndReason terminatedBy(GdapSide side) {
    return side == GdapSide.PARTNER ? TERMINATED_BY_PARTNER : TERMINATED_BY_CUSTOMER;
  }
}
