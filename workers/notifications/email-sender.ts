import { Logger } from '../../platform/logger';

export interface Email {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
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
      logger.info({ toDomain: domain, subject: email.subject }, 'email (development sender, not sent)');
    },
  };
}
