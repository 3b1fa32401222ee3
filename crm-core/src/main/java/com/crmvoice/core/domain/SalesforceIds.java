package com.crmvoice.core.domain;

import java.util.regex.Pattern;

/**
 * Salesforce record ids in their 18-character form. Salesforce shows a 15-character, case-sensitive
 * id in its UI and reports (the one admins copy); the API returns the 18-character form, the same
 * id with a 3-character suffix that makes it unique ignoring case. CRM Voice keys its cache and its
 * owner ids by the 18-character form, so a 15-character one from a setting is converted first.
 *
 * <p>The suffix, as Salesforce's CASESAFEID() computes it: the 15 characters in 3 chunks of 5; in
 * each chunk bit i is set when character i is an uppercase letter A-Z; each chunk's value (0 to 31)
 * picks one character of {@code ABCDEFGHIJKLMNOPQRSTUVWXYZ012345}. See "What are Salesforce IDs
 * composed of?" (https://help.salesforce.com/s/articleView?id=000385008&type=1) and CASESAFEID in
 * https://help.salesforce.com/s/articleView?id=sf.customize_functions_casesafeid.htm.
 */
public final class SalesforceIds {

  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final Pattern FIFTEEN = Pattern.compile("[A-Za-z0-9]{15}");

  private SalesforceIds() {}

  /**
   * The 18-character form of a 15-character Salesforce id; any other value (an 18-character id,
   * null, or something that is not a Salesforce id at all, such as another CRM's GUID) unchanged.
   */
  public static String normalise(String id) {
    if (id == null || !FIFTEEN.matcher(id).matches()) {
      return id;
    }
    return id + suffix(id);
  }

  /**
   * The 3-character case-safety suffix of a 15-character id.
   *
   * @throws IllegalArgumentException when {@code id15} is not 15 letters and digits
   */
  public static String suffix(String id15) {
    if (id15 == null || !FIFTEEN.matcher(id15).matches()) {
      throw new IllegalArgumentException("a Salesforce id has 15 letters and digits");
    }
    StringBuilder suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(SUFFIX_ALPHABET.charAt(bits));
    }
    return suffix.toString();
  }
}
