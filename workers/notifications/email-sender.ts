import { Logger } from '../../platform/logger';

export interface Email {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** An iCalendar entry (METHOD:REQUEST or CANCEL) sent as the calendar part, so the receiver's calendar follows. */
  readonly calendar?: string | null;
}

/** Pluggable delivery. Messages never carry a personal identity number (see notification-content). */
export interface EmailSender {
  send(email: Email): Promise<void>;
}

/** Development: one redacted line per e-mail in the log. */
export function logEmailSender(logger: Logger): EmailSender {
  return {
    async send(email) {
      const domain = email.to.split('@')[1] ?? '?';
      logger.info({ toDomain: domain, subject: email.subject, calendar: !!email.calendar }, 'email (development sender, not sent)');
    },
  };
}

/** Production: SMTP from `SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export function smtpEmailSender(smtpUrl: string, from: string): EmailSender {
  // Loaded lazily, so development and tests never open an SMTP transport.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  const transport = (require('nodemailer') as typeof import('nodemailer')).createTransport(smtpUrl);
  return {
    async send(email) {
      const method = email.calendar ? (/^METHOD:(\w+)/m.exec(email.calendar)?.[1] ?? 'PUBLISH') : null;
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.body,
        ...(email.calendar && method ? { icalEvent: { method, filename: 'samtal.ics', content: email.calendar } } : {}),
      });
    },
  };
}

export function emailSenderFor(config: { mailSender: 'smtp' | 'log'; smtpUrl?: string; mailFrom: string }, logger: Logger): EmailSender {
  return config.mailSender === 'smtp' && config.smtpUrl ? smtpEmailSender(config.smtpUrl, config.mailFrom) : logEmailSender(logger);
}
