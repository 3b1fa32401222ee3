package com.crmvoice.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A short fingerprint of an owner's cached lead set: equal sets give equal digests, any change to a
 * field, the order or the membership gives another. Lets a refresh pass skip unchanged owners
 * without reading their leads.
 */
public final class LeadDigest {

  /** The digest of no leads: an owner known to have none. */
  public static final String EMPTY = of(List.of());

  private LeadDigest() {}

  public static String of(List<Lead> leads) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (Lead lead : leads) {
      for (String field :
          new String[] {
            lead.id(),
            lead.ownerId(),
            lead.firstName(),
            lead.lastName(),
            lead.company(),
            lead.email(),
            lead.phone(),
            lead.status(),
            lead.createdAt().toString()
          }) {
        // Length-prefixed so ("ab","c") and ("a","bc") differ; -1 marks null.
        byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
        sha.update(
            Integer.toString(field == null ? -1 : bytes.length)
                .getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
      }
      if (lead.lastModifiedAt() != null) {
        // The version a conditional update compares: a change to it is a change to the set. Left
        // out when unknown, so the digests of leads cached without it stay what they were.
        sha.update(("m" + lead.lastModifiedAt()).getBytes(StandardCharsets.US_ASCII));
      }
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 16);
  }
}
