package com.crmvoice.core.service.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.AccountLinkingRequiredException;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CachingIdentityResolverTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  private final CachingIdentityResolver resolver =
      new CachingIdentityResolver(crm, clock, Duration.ofMinutes(5), 2);
  private final CrmUser alice = new CrmUser("005ALICE0000001AAA", "Alice");
  private final CrmUser bob = new CrmUser("005BOB000000001AAA", "Bob");

  @Test
  void asksTheCrmOnce_withinTheTtl() {
    crm.addUser("token-a", alice);

    assertThat(resolver.resolve("token-a")).isEqualTo(alice);
    assertThat(resolver.resolve("token-a")).isEqualTo(alice);

    assertThat(crm.calls("userForAccessToken")).isEqualTo(1);
  }

  @Test
  void asksAgain_afterTheTtl() {
    crm.addUser("token-a", alice);
    resolver.resolve("token-a");

    clock.advance(Duration.ofMinutes(6));
    resolver.resolve("token-a");

    assertThat(crm.calls("userForAccessToken")).isEqualTo(2);
  }

  @Test
  void keysTheCacheByAHashOfTheToken_neverTheToken() {
    crm.addUser("token-a", alice);
    resolver.resolve("token-a");

    assertThat(resolver.holdsKey("token-a")).isFalse();
    assertThat(resolver.holdsKey(CachingIdentityResolver.hash("token-a"))).isTrue();
  }

  @Test
  void eachTokenGetsItsOwnUser() {
    crm.addUser("token-a", alice);
    crm.addUser("token-b", bob);

    assertThat(resolver.resolve("token-a")).isEqualTo(alice);
    assertThat(resolver.resolve("token-b")).isEqualTo(bob);
    assertThat(resolver.resolve("token-a")).isEqualTo(alice);
  }

  @Test
  void staysBounded() {
    crm.addUser("a", alice);
    crm.addUser("b", bob);
    crm.addUser("c", bob);
    resolver.resolve("a");
    resolver.resolve("b");
    resolver.resolve("c");

    assertThat(resolver.size()).isEqualTo(2);
  }

  @Test
  void aMissingOrRefusedTokenRequiresLinking() {
    assertThatThrownBy(() -> resolver.resolve(null))
        .isInstanceOf(AccountLinkingRequiredException.class);
    assertThatThrownBy(() -> resolver.resolve("unknown"))
        .isInstanceOf(AccountLinkingRequiredException.class);
  }

  @Test
  void anUnavailableCrmPassesThrough_andNothingIsRemembered() {
    crm.addUser("token-a", alice);
    crm.failNextCalls(1);

    assertThatThrownBy(() -> resolver.resolve("token-a"))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(resolver.size()).isZero();
  }

  @Test
  void singleUserModeIgnoresTheToken() {
    SingleUserIdentityResolver single = new SingleUserIdentityResolver("005DEMO00000001AAA");

    assertThat(single.resolve(null).userId()).isEqualTo("005DEMO00000001AAA");
    assertThat(single.resolve("anything").userId()).isEqualTo("005DEMO00000001AAA");
  }
}
