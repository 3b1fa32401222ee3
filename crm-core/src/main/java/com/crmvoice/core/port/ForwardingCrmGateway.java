package com.crmvoice.core.port;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A CRM gateway that hands every call, the defaulted ones included, to the gateway {@link
 * #delegate()} answers: the base of the decorators that forward, so that a port method added later
 * is forwarded in one place rather than forgotten in one of them.
 */
public abstract class ForwardingCrmGateway implements CrmGateway {

  /** The gateway each call goes to; asked on every call (it may be wired on first use). */
  protected abstract CrmGateway delegate();

  @Override
  public List<Lead> topOpenLeads(String ownerId, int limit) {
    return delegate().topOpenLeads(ownerId, limit);
  }

  @Override
  public Map<String, List<Lead>> topOpenLeadsOf(Collection<String> ownerIds, int limit) {
    return delegate().topOpenLeadsOf(ownerIds, limit);
  }

  @Override
  public Stream<Lead> openLeads() {
    return delegate().openLeads();
  }

  @Override
  public Stream<LeadChange> leadsModifiedSince(Instant since) {
    return delegate().leadsModifiedSince(since);
  }

  @Override
  public List<CreateResult> createLeads(List<CreateLeadRequest> requests) {
    return delegate().createLeads(requests);
  }

  @Override
  public List<UpdateResult> updateLeadStatuses(List<StatusUpdateRequest> requests) {
    return delegate().updateLeadStatuses(requests);
  }

  @Override
  public List<CreateResult> createTasks(List<CreateTaskRequest> requests) {
    return delegate().createTasks(requests);
  }

  @Override
  public List<PicklistValue> leadStatuses() {
    return delegate().leadStatuses();
  }

  @Override
  public Optional<String> findLeadByExternalId(String externalId) {
    return delegate().findLeadByExternalId(externalId);
  }

  @Override
  public CrmUser userForAccessToken(String accessToken) {
    return delegate().userForAccessToken(accessToken);
  }
}
