package com.crmvoice.simulator.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Alexa's language understanding does for typed text, from the interaction model alone: finds
 * the invocation ("ask c. r. m. voice to ...", "open crm voice": the model's invocation name), then
 * the intent whose sample utterance fits the words, capturing the words in each {slot} placeholder
 * as the slot's value. When several samples fit, the one with the most literal words wins (the most
 * specific). No phrase is hard-coded but the invocation patterns Alexa documents and the built-in
 * intents' library.
 */
public final class UtteranceMatcher {

  /** How the text reached the skill. */
  public enum InvocationKind {
    /** "open c. r. m. voice": a LaunchRequest. */
    LAUNCH,
    /** "ask c. r. m. voice to get my top lead": an intent in a new session. */
    ONE_SHOT,
    /** No invocation name: an utterance inside an open session. */
    NONE
  }

  /**
   * The invocation found in the text.
   *
   * @param kind launch, one-shot or none
   * @param utterances the candidate utterances for the skill (with and without a connecting word)
   */
  public record Invocation(InvocationKind kind, List<String> utterances) {
    public Invocation {
      utterances = List.copyOf(utterances);
    }
  }

  /**
   * A recognised intent.
   *
   * @param intent the intent name
   * @param slots slot values by slot name, as typed
   * @param sample the sample utterance that matched (null for a whole-utterance slot fill)
   * @param literalLength letters and digits of the sample outside its placeholders
   * @param score how specific the match is: literal characters, then slot values the slot types
   *     know
   */
  public record Match(
      String intent, Map<String, String> slots, String sample, int literalLength, int score) {
    public Match {
      slots = Map.copyOf(slots);
    }

    /** True when the sample was nothing but slot placeholders. */
    public boolean slotOnly() {
      return literalLength == 0;
    }
  }

  private record CompiledSample(
      String intent, String sample, Pattern pattern, List<String> slotNames, int literalLength) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

  private final InteractionModel model;
  private final List<CompiledSample> intentSamples = new ArrayList<>();
  private final Map<String, List<CompiledSample>> slotSamples = new LinkedHashMap<>();
  private final List<CompiledSample> yesNo = new ArrayList<>();
  private final Pattern launch;
  private final Pattern launchAnd;
  private final Pattern askTell;
  private final Pattern suffix;
  private final Pattern connector;

  /** A matcher for an English model. */
  public UtteranceMatcher(InteractionModel model) {
    this(model, "en-US");
  }

  /**
   * A matcher for a model of {@code locale}: its invocation phrasing and built-in intents' library
   * follow the language (English, German).
   */
  public UtteranceMatcher(InteractionModel model, String locale) {
    this.model = model;
    BuiltInIntents.InvocationWords words = BuiltInIntents.invocationWords(locale);
    for (InteractionModel.Intent intent : model.intents()) {
      List<String> samples = new ArrayList<>(intent.samples());
      samples.addAll(BuiltInIntents.samples(intent.name(), locale));
      for (String sample : samples) {
        intentSamples.add(compile(intent.name(), sample));
      }
      for (InteractionModel.Slot slot : intent.slots()) {
        List<CompiledSample> compiled = new ArrayList<>();
        for (String sample : slot.samples()) {
          compiled.add(compile(intent.name(), sample));
        }
        slotSamples.put(intent.name() + "/" + slot.name(), compiled);
      }
    }
    for (String intent : List.of(BuiltInIntents.YES, BuiltInIntents.NO)) {
      List<String> samples = new ArrayList<>(BuiltInIntents.samples(intent, locale));
      model.intent(intent).ifPresent(i -> samples.addAll(i.samples()));
      samples.forEach(sample -> yesNo.add(compile(intent, sample)));
    }
    String name = invocationNamePattern(model.invocationName());
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    String launchVerbs = "(?:" + words.launchVerbs() + ")";
    String askVerbs = "(?:" + words.askVerbs() + ")";
    launch =
        Pattern.compile(
            "^(?:" + words.launchVerbs() + "|" + words.askVerbs() + ") " + name + "$", flags);
    launchAnd =
        Pattern.compile(
            "^" + launchVerbs + " " + name + " (?:" + words.connectors() + ") (.+)$", flags);
    askTell = Pattern.compile("^" + askVerbs + " " + name + " (.+)$", flags);
    suffix = Pattern.compile("^(.+) (?:" + words.suffixes() + ") " + name + "$", flags);
    connector = Pattern.compile("^(?:" + words.connectors() + ") (.+)$", flags);
  }

  public InteractionModel model() {
    return model;
  }

  /**
   * The invocation name as a pattern. An acronym is written the way Alexa wants it spoken, letter
   * by letter with periods ("c. r. m. voice"); typed, it may come as "c. r. m.", "c r m", "c.r.m."
   * or "crm".
   */
  static String invocationNamePattern(String invocationName) {
    List<String> words = List.of(invocationName.toLowerCase(Locale.ROOT).strip().split("\\s+"));
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean letter = word.matches("\\p{L}\\.");
      if (i > 0) {
        boolean afterLetter = words.get(i - 1).matches("\\p{L}\\.");
        pattern.append(letter && afterLetter ? "\\.? ?" : afterLetter ? "\\.? " : " ");
      }
      pattern.append(regexLiteral(letter ? word.substring(0, 1) : word));
    }
    return pattern.toString();
  }

  /**
   * Punctuation Alexa never hears goes; words stay as typed (their case is kept for slot values); a
   * leading wake word goes.
   */
  public static String normalize(String text) {
    String cleaned = text.replace('’', '\'').replace('‘', '\'').replaceAll("[\"“”!?;,()]", " ");
    List<String> words = new ArrayList<>();
    for (String word : cleaned.strip().split("\\s+")) {
      String w = word;
      while (!w.isEmpty() && (w.endsWith(".") || w.endsWith(":"))) {
        w = w.substring(0, w.length() - 1);
      }
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    if (!words.isEmpty() && words.get(0).equalsIgnoreCase("alexa")) {
      words.remove(0);
    }
    return String.join(" ", words);
  }

  /**
   * Yes (true) or no (false) to a confirmation prompt. Alexa understands both whether or not the
   * model declares AMAZON.YesIntent and AMAZON.NoIntent.
   */
  public Optional<Boolean> confirmation(Collection<String> utterances) {
    Match best = null;
    for (String utterance : utterances) {
      for (CompiledSample sample : yesNo) {
        best = better(best, tryMatch(sample, normalize(utterance)));
      }
    }
    return Optional.ofNullable(best).map(m -> m.intent().equals(BuiltInIntents.YES));
  }

  /** Finds the invocation name and what follows it. */
  public Invocation invocation(String text) {
    String normalized = normalize(text);
    if (launch.matcher(normalized).matches()) {
      return new Invocation(InvocationKind.LAUNCH, List.of());
    }
    Matcher m = launchAnd.matcher(normalized);
    if (m.matches()) {
      return new Invocation(InvocationKind.ONE_SHOT, List.of(m.group(1)));
    }
    m = askTell.matcher(normalized);
    if (m.matches()) {
      String rest = m.group(1);
      List<String> candidates = new ArrayList<>();
      candidates.add(rest);
      Matcher connecting = connector.matcher(rest);
      if (connecting.matches()) {
        candidates.add(connecting.group(1));
      }
      return new Invocation(InvocationKind.ONE_SHOT, candidates);
    }
    m = suffix.matcher(normalized);
    if (m.matches()) {
      return new Invocation(InvocationKind.ONE_SHOT, List.of(m.group(1)));
    }
    return new Invocation(InvocationKind.NONE, List.of(normalized));
  }

  /**
   * The best intent for any of the candidate utterances, over every intent of the model. Samples
   * made only of slot placeholders are left out here: they would swallow any text.
   */
  public Optional<Match> match(Collection<String> utterances) {
    Match best = null;
    for (String utterance : utterances) {
      for (CompiledSample sample : intentSamples) {
        if (sample.literalLength() == 0) {
          continue;
        }
        best = better(best, tryMatch(sample, normalize(utterance)));
      }
    }
    return Optional.ofNullable(best);
  }

  public Optional<Match> match(String utterance) {
    return match(List.of(utterance));
  }

  /**
   * The best reading of an answer while Alexa elicits {@code slot} of {@code intent}: the intent's
   * own samples (any that fit, slot-only ones included) and the slot's samples.
   */
  public Optional<Match> matchWithin(Collection<String> utterances, String intent, String slot) {
    Match best = null;
    List<CompiledSample> candidates = new ArrayList<>();
    intentSamples.stream().filter(s -> s.intent().equals(intent)).forEach(candidates::add);
    candidates.addAll(slotSamples.getOrDefault(intent + "/" + slot, List.of()));
    for (String utterance : utterances) {
      for (CompiledSample sample : candidates) {
        Match match = tryMatch(sample, normalize(utterance));
        boolean fillsElicited = match != null && match.slots().containsKey(slot);
        boolean fillsOthers = match != null && !match.slotOnly() && !match.slots().isEmpty();
        if (fillsElicited || fillsOthers) {
          best = better(best, match);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private Match tryMatch(CompiledSample sample, String utterance) {
    Matcher m = sample.pattern().matcher(utterance);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> slots = new LinkedHashMap<>();
    int bonus = 0;
    for (int i = 0; i < sample.slotNames().size(); i++) {
      String name = sample.slotNames().get(i);
      String value = m.group(i + 1).strip();
      slots.put(name, value);
      String type =
          model
              .intent(sample.intent())
              .flatMap(intent -> intent.slot(name))
              .map(InteractionModel.Slot::type)
              .orElse(null);
      InteractionModel.SlotType custom = type == null ? null : model.types().get(type);
      if (custom != null && custom.resolve(value).isPresent()) {
        bonus++;
      }
    }
    return new Match(
        sample.intent(),
        slots,
        sample.sample(),
        sample.literalLength(),
        sample.literalLength() * 4 + bonus);
  }

  private static Match better(Match current, Match candidate) {
    if (candidate == null) {
      return current;
    }
    if (current == null || candidate.score() > current.score()) {
      return candidate;
    }
    return current;
  }

  private static CompiledSample compile(String intent, String sample) {
    String normalizedSample = normalize(sample.replace("{", " {").replace("}", "} ")).strip();
    // normalize() splits on spaces; put placeholders back next to their neighbours as written.
    normalizedSample = normalizedSample.replaceAll("\\s+", " ");
    StringBuilder regex = new StringBuilder("^");
    List<String> slotNames = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(normalizedSample);
    int last = 0;
    int literal = 0;
    while (m.find()) {
      String text = normalizedSample.substring(last, m.start());
      regex.append(regexLiteral(text));
      literal += text.replaceAll("[^\\p{L}\\p{N}]", "").length();
      regex.append("(.+?)");
      slotNames.add(m.group(1));
      last = m.end();
    }
    String tail = normalizedSample.substring(last);
    regex.append(regexLiteral(tail));
    literal += tail.replaceAll("[^\\p{L}\\p{N}]", "").length();
    regex.append("$");
    return new CompiledSample(
        intent,
        sample,
        Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        slotNames,
        literal);
  }

  /** Literal text as a regex: apostrophes optional ("whats" = "what's"), spaces single. */
  private static String regexLiteral(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\'') {
        out.append("'?");
      } else if (Character.isWhitespace(c)) {
        out.append(' ');
      } else if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else {
        out.append('\\').append(c);
      }
    }
    return out.toString();
  }
}
