package com.crmvoice.intent;

/**
 * The request is refused, not answered: the invocation fails with this exception (Lambda reports it
 * to the caller as an error of this type), and a web-service front answers it with a 4xx status. A
 * refusal is not an apology: the request was not one this skill may answer.
 */
public class RequestRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RequestRefusedException(String message) {
    super(message);
  }
}
