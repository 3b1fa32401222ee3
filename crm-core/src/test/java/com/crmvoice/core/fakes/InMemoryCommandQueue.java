package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.TextRules;
import com.crmvoice.core.port.CommandQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what was sent; can be told to fail. As strict as SQS on characters: a command with a
 * value SQS would refuse in the message body (a code point outside XML's Char production that the
 * JSON codec does not escape: a lone surrogate, U+FFFE, U+FFFF) is refused with the
 * IllegalArgumentException SqsCommandQueue throws for it. More lenient than SQS in every other way
 * (no size limit, no attributes).
 */
public final class InMemoryCommandQueue implements CommandQueue {

  private final List<CrmCommand> sent = new ArrayList<>();
  private boolean failing;

  @Override
  public synchronized void send(CrmCommand command) {
    if (failing) {
      throw new StorageUnavailableException("injected queue failure", null);
    }
    if (command instanceof CreateLead create) {
      NewLead lead = create.lead();
      for (String value :
          new String[] {
            create.ownerId(),
            lead.firstName(),
            lead.lastName(),
            lead.company(),
            lead.email(),
            lead.phone()
          }) {
        // The codec writes control characters below U+0020 as JSON escapes; the rest go as is.
        if (value != null
            && value.codePoints().anyMatch(cp -> cp >= 0x20 && !TextRules.isXmlChar(cp))) {
          throw new IllegalArgumentException("a value SQS cannot carry in a message body");
        }
      }
    }
    sent.add(command);
  }

  public synchronized void failing(boolean failing) {
    this.failing = failing;
  }

  public synchronized List<CrmCommand> sent() {
    return List.copyOf(sent);
  }
}
