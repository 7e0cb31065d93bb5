package io.github.cspkit.csp.access;

/**
 * Every operation of the partner entry point, each with the kind of operation it is, so that the
 * {@link AccessPolicy} decides every actor × operation cell (ACC-1..5, SUB-6, DIS-1).
 */
public enum Operation {
  /** Accept the reseller agreement (AGR-1). */
  ACCEPT_AGREEMENT(Group.PARTNER_COMPANY),
  /** Give notice of non-renewal (AGR-3). */
  GIVE_NOTICE(Group.PARTNER_COMPANY),
  /** Publish a price list (PRC-1): the vendor only. */
  PUBLISH_PRICE_LIST(Group.VENDOR),
  /** Import a price list from Partner Center's file, as the partner (PCF-1). */
  IMPORT_PRICE_LIST(Group.PARTNER_COMPANY),
  /** Quote a published price (PRC-3, DIS-1). */
  QUOTE_PRICE(Group.QUOTE),
  /** Create a customer and its tenant (CUS-1). */
  CREATE_CUSTOMER(Group.CSP),
  /** Set a customer's billing day and currency (BIL-2). */
  SET_BILLING_PROFILE(Group.CSP),
  /** Set a customer's financing (BIL-3). */
  SET_FINANCING(Group.CSP),
  /** Add a partner's own service to a customer's bill (BIL-1). */
  ADD_SERVICE(Group.CSP),
  /** Order a subscription (SUB-1). */
  ORDER(Group.SUBSCRIPTION),
  /** Order an add-on (CAT-3). */
  ORDER_ADD_ON(Group.SUBSCRIPTION),
  /** Convert a direct trial (CUS-3). */
  CONVERT_TRIAL(Group.SUBSCRIPTION),
  /** Add seats (SUB-2). */
  ADD_SEATS(Group.SUBSCRIPTION),
  /** Remove seats (SUB-7). */
  REMOVE_SEATS(Group.SUBSCRIPTION),
  /** Suspend (SUB-4). */
  SUSPEND(Group.SUBSCRIPTION),
  /** Reactivate (SUB-7). */
  REACTIVATE(Group.SUBSCRIPTION),
  /** Cancel (SUB-5). */
  CANCEL(Group.SUBSCRIPTION),
  /** Switch auto-renewal (SUB-7). */
  AUTO_RENEW(Group.SUBSCRIPTION),
  /** Quote a subscription change without storing it (SUB-2). */
  QUOTE_CHANGE(Group.SUBSCRIPTION),
  /** Issue bills (BIL-1). */
  ISSUE_BILLS(Group.CSP),
  /** Read a customer's bills (BIL-1). */
  VIEW_BILLS(Group.CUSTOMER_READ),
  /** Administer a customer's tenant through delegated admin (ACC-1). */
  ADMINISTER_TENANT(Group.DELEGATED),
  /** View service health and incidents (ACC-4). */
  VIEW_SERVICE_HEALTH(Group.DELEGATED),
  /** Configure the customer's services in its own admin center (ACC-5). */
  CONFIGURE_SERVICE(Group.CUSTOMER_SELF),
  /** Remove the partner's delegated admin privileges (ACC-2). */
  REMOVE_DELEGATED_ADMIN(Group.CUSTOMER_SELF),
  /** Administer the partner's own tenant (ACC-3). */
  ADMINISTER_OWN_TENANT(Group.PARTNER_COMPANY),
  /** Request a GDAP relationship with a customer (GDA-1): the partner. */
  REQUEST_GDAP(Group.GDAP),
  /** Approve a GDAP relationship (GDA-1): the customer's admin. */
  APPROVE_GDAP(Group.GDAP),
  /** Terminate a GDAP relationship (GDA-4): the partner or the customer's admin. */
  TERMINATE_GDAP(Group.GDAP),
  /** Turn a GDAP relationship's auto-extension on or off (GDA-3): the partner. */
  AUTO_EXTEND_GDAP(Group.GDAP);

  /** The kinds of operation, which the access policy decides by. */
  public enum Group {
    /** The partner as a company: own tenant, agreement. */
    PARTNER_COMPANY,
    /** The vendor's own acts. */
    VENDOR,
    /** Quoting published prices. */
    QUOTE,
    /** CSP-only tools over customers (ACC-4). */
    CSP,
    /** Acting on a CSP subscription (SUB-6: partner only). */
    SUBSCRIPTION,
    /** Reading a customer's data. */
    CUSTOMER_READ,
    /** Delegated administration, open to every partner (ACC-4). */
    DELEGATED,
    /** The customer's own admin center (ACC-5). */
    CUSTOMER_SELF,
    /** A GDAP relationship's lifecycle, between the partner and the customer (GDA-1, GDA-4). */
    GDAP
  }

  private final Group group;
  private final String verb;

  Operation(Group group) {
    this.group = group;
    this.verb = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** @return the operation in words, for reasons: {@code "add seats"} */
  public String verb() {
    return verb;
  }

  /** @return the kind of operation */
  public Group group() {
    return group;
  }
}
