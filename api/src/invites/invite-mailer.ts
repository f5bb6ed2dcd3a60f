import { createTransport } from 'nodemailer';

export interface InviteMail {
  to: string;
  candidateName: string;
  challengeTitle: string;
  link: string;
  timeLimitMinutes: number;
  expiresAt: number;
}

export interface InviteMailer {
  /** Hands the message to the mail server; throws, with a reason for people, when it does not take it. */
  send(mail: InviteMail): Promise<void>;
}

/**
 * Invites by email over SMTP (nodemailer). `smtpUrl` is `smtp://user:pass@host:587` (STARTTLS
 * when the server offers it) or `smtps://…:465`. Without one there is no mailer: admins are told
 * to send links themselves. Timeouts are short, because an admin is waiting on the answer.
 */
export function createInviteMailer({ smtpUrl, from }: { smtpUrl: string | undefined; from: string }): InviteMailer | null {
  if (!smtpUrl) return null;
  const transport = createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(mail) {
      const expires = new Date(mail.expiresAt).toUTCString();
      try {
        await transport.sendMail({
          from,
          to: { name: mail.candidateName, address: mail.to },
          subject: `Your take-home assessment: ${mail.challengeTitle}`,
          text: [
            `Hello ${mail.candidateName},`,
            '',
            `You are invited to a take-home coding assessment, "${mail.challengeTitle}". Open this link to read what it involves and what is recorded; the ${mail.timeLimitMinutes}-minute timer starts only when you choose to begin:`,
            '',
            mail.link,
            '',
            `The link works until ${expires} and is for you alone. Any earlier link we sent you no longer works.`,
          ].join('\n'),
        });
      } catch (error) {
        throw new Error(`the mail server did not take the message: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
