package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.interceptor.RequestInterceptor;

/**
 * Puts the spoken name of the CRM the skill is wired to (the CRM setting) into each request's
 * attributes, where {@link Requests#speech} finds it: a Dynamics 365 deployment says Dynamics 365
 * wherever the speech bundles say Salesforce.
 */
public final class CrmName implements RequestInterceptor {

  private final String name;

  public CrmName(String name) {
    this.name = name;
  }

  @Override
  public void process(HandlerInput input) {
    input.getAttributesManager().getRequestAttributes().put(Requests.CRM_NAME, name);
  }
}
