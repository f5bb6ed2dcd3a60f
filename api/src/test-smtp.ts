/**
 * Test support (not a test): a real SMTP server (the `smtp-server` package) on a free local
 * port that keeps every message it accepts, parsed (mailparser), so a test can read an email
 * back and follow its link. Imported by other workspaces as `@assay/api/test-smtp`.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for ASSAY_SMTP_URL. */
  url: string;
  messages: ParsedMail[];
  /** The first message to `address` that arrives after `skip` earlier ones to it. */
  nextTo(address: string, skip?: number, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        messages.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP server has no port');
  const to = (address: string) => messages.filter((m) => [m.to].flat().some((t) => t?.value.some((v) => v.address === address)));
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    async nextTo(recipient, skip = 0, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = to(recipient)[skip];
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no email to ${recipient} arrived within ${timeoutMs} ms (${messages.length} message(s) in all)`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The invite link in an email's text. */
export function inviteLinkIn(mail: ParsedMail): string {
  const link = /https?:\/\/\S+\/i\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`no invite link in the email "${mail.subject}"`);
  return link;
}
