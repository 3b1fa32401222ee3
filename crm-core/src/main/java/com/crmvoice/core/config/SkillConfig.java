package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import com.crmvoice.core.domain.SalesforceIds;
import java.time.Duration;
import java.util.Set;

/**
 * How the skill (the intent Lambda) runs.
 *
 * @param skillId the Alexa skill id requests must carry (skill id verification)
 * @param identityMode how the CRM user behind a request is found
 * @param singleUserOwnerId the CRM user id every request acts for, in single-user mode; else null.
 *     A 15-character Salesforce id (as admins copy it from the UI) is kept in its 18-character
 *     form, the one the API returns and the cache is keyed by ({@link SalesforceIds})
 * @param liveLookupBudget how long a cache miss may wait for the CRM, well under Alexa's 8 seconds
 * @param identityCacheTtl how long a token's CRM user is remembered (0: not at all)
 * @param allowedAlexaUserIds in single-user mode, the only Alexa users (context.System.user.userId)
 *     the skill answers: the configured owner's leads must never reach anyone else who enables the
 *     skill; empty in account-linking mode, where the linked token decides
 */
public record SkillConfig(
    String skillId,
    IdentityMode identityMode,
    String singleUserOwnerId,
    Duration liveLookupBudget,
    Duration identityCacheTtl,
    Set<String> allowedAlexaUserIds) {

  /** Account linking (the token names the user) or one configured user for every request. */
  public enum IdentityMode {
    ACCOUNT_LINKING("account-linking"),
    SINGLE_USER("single-user");

    private final String configName;

    IdentityMode(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    static IdentityMode parse(String value) {
      for (IdentityMode mode : values()) {
        if (mode.configName.equalsIgnoreCase(value)) {
          return mode;
        }
      }
      throw new ConfigException(
          IDENTITY_MODE + " must be account-linking or single-user, got '" + value + "'");
    }
  }

  /** Alexa waits 8 seconds for a response; a live lookup must leave room for the rest. */
  public static final int MAX_LIVE_LOOKUP_BUDGET_MS = 6000;

  public SkillConfig {
    if (skillId == null || skillId.isBlank()) {
      throw new ConfigException(SKILL_ID + " is required but not set");
    }
    if (identityMode == IdentityMode.SINGLE_USER
        && (singleUserOwnerId == null || singleUserOwnerId.isBlank())) {
      throw new ConfigException(
          IDENTITY_MODE + "=single-user needs " + SINGLE_USER_OWNER_ID + " (a CRM user id)");
    }
    singleUserOwnerId = SalesforceIds.normalise(singleUserOwnerId);
    allowedAlexaUserIds = allowedAlexaUserIds == null ? Set.of() : Set.copyOf(allowedAlexaUserIds);
    if (identityMode == IdentityMode.SINGLE_USER && allowedAlexaUserIds.isEmpty()) {
      throw new ConfigException(
          IDENTITY_MODE
              + "=single-user needs "
              + ALLOWED_ALEXA_USER_IDS
              + " (the Alexa user ids that may use the skill, comma-separated)");
    }
    if (liveLookupBudget.isNegative()
        || liveLookupBudget.isZero()
        || liveLookupBudget.toMillis() > MAX_LIVE_LOOKUP_BUDGET_MS) {
      throw new ConfigException(
          LIVE_LOOKUP_BUDGET_MS + " must be between 1 and " + MAX_LIVE_LOOKUP_BUDGET_MS);
    }
    if (identityCacheTtl.isNegative()) {
      throw new ConfigException(IDENTITY_CACHE_TTL_SECONDS + " must not be negative");
    }
  }

  public static SkillConfig fromEnv(EnvironmentReader env) {
    IdentityMode mode = IdentityMode.parse(env.optional(IDENTITY_MODE, "account-linking"));
    return new SkillConfig(
        env.optional(SKILL_ID),
        mode,
        mode == IdentityMode.SINGLE_USER ? env.optional(SINGLE_USER_OWNER_ID) : null,
        Duration.ofMillis(env.intValue(LIVE_LOOKUP_BUDGET_MS, 2500, 1, MAX_LIVE_LOOKUP_BUDGET_MS)),
        Duration.ofSeconds(env.intValue(IDENTITY_CACHE_TTL_SECONDS, 300, 0, 86_400)),
        mode == IdentityMode.SINGLE_USER
            ? Set.copyOf(env.list(ALLOWED_ALEXA_USER_IDS, null))
            : Set.of());
  }

  /**
   * Whether the Alexa user {@code alexaUserId} may use the skill: anyone in account-linking mode
   * (the linked token decides whose leads they hear), only the configured ids in single-user mode.
   */
  public boolean admits(String alexaUserId) {
    return identityMode != IdentityMode.SINGLE_USER
        || (alexaUserId != null && allowedAlexaUserIds.contains(alexaUserId));
  }
}
