package com.crmvoice.core.port;

/**
 * The CRM cannot be called because its settings are incomplete: a first deployment whose
 * credentials secret is still blank. The functions start without those settings and read them on
 * first use; until they are filled in, every CRM call fails with this. It is a {@link
 * CrmUnavailableException} (errorCode {@code NOT_CONFIGURED}), so a caller that does not look
 * closer keeps the work for later rather than dropping it; the message names the missing setting
 * and never a value.
 */
public final class CrmNotConfiguredException extends CrmUnavailableException {
  private static final long serialVersionUID = 1L;

  public static final String ERROR_CODE = "NOT_CONFIGURED";

  public CrmNotConfiguredException(String message) {
    super(ERROR_CODE, message);
  }
}
