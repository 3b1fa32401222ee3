package com.crmvoice.intent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Every SSML the skill produces must be a well-formed XML document with a {@code <speak>} root, or
 * Alexa refuses the whole response ("There was a problem with the requested skill's response",
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html).
 * {@link SkillHarness} and {@link IntentStack} run this on every response of the test suite.
 */
final class SsmlCheck {

  private SsmlCheck() {}

  /**
   * Parses every {@code ssml} value anywhere in {@code response} (speech, reprompt, directives).
   */
  static void assertWellFormed(JsonNode response) {
    if (response == null) {
      return;
    }
    if (response.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = response.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("ssml") && field.getValue().isTextual()) {
          assertWellFormed(field.getValue().asText());
        } else {
          assertWellFormed(field.getValue());
        }
      }
    } else if (response.isArray()) {
      response.forEach(SsmlCheck::assertWellFormed);
    }
  }

  /** Parses {@code ssml} as XML 1.0; throws AssertionError naming the problem when it is not. */
  static void assertWellFormed(String ssml) {
    Document document;
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      document = builder.parse(new InputSource(new StringReader(ssml)));
    } catch (SAXException e) {
      throw new AssertionError("SSML is not well-formed XML: " + e.getMessage() + ": " + ssml, e);
    } catch (IOException | ParserConfigurationException e) {
      throw new AssertionError("SSML could not be parsed: " + e, e);
    }
    String root = document.getDocumentElement().getTagName();
    if (!root.equals("speak")) {
      throw new AssertionError("SSML root is <" + root + ">, not <speak>: " + ssml);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setNamespaceAware(false);
    return factory;
  }
}
