import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Transporter } from 'nodemailer';
import type { ServiceContext } from '../common/service-context.js';
import type { Logger } from '../observability/logger.js';
import { OutgoingMail } from './mail.entity.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

/** Mails taken per run of the delivery job. */
const BATCH = 50;
/** After this many failed attempts a mail is left in the outbox with its last error, for an operator. */
export const MAX_ATTEMPTS = 8;

/**
 * The outbox. `send` writes a mail in the caller's unit of work, so it exists exactly when the
 * change that caused it committed; `deliverDue` (a periodic job) sends what is due through SMTP.
 * Rows are claimed with `for update skip locked`, so instances running the job at once never send
 * one mail twice; a failure backs off exponentially.
 */
export class MailService {
  constructor(
    private readonly transport: Transporter | null,
    private readonly from: string,
    private readonly logger: Logger,
    /** False in production without SMTP: mails then wait in the outbox rather than being logged as sent. */
    private readonly delivers: boolean,
  ) {}

  send({ em }: ServiceContext, mail: Mail): void {
    em.create(OutgoingMail, { recipient: mail.to, subject: mail.subject, text: mail.text, kind: mail.kind });
  }

  async deliverDue({ em }: ServiceContext): Promise<number> {
    if (!this.delivers) return 0;
    const due = await em.find(
      OutgoingMail,
      { sentAt: null, nextAttemptAt: { $lte: new Date() }, attempts: { $lt: MAX_ATTEMPTS } },
      { orderBy: { nextAttemptAt: 'asc' }, limit: BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    let sent = 0;
    for (const mail of due) {
      if (await this.#deliver(mail)) sent += 1;
    }
    await em.flush();
    return sent;
  }

  async #deliver(mail: OutgoingMail): Promise<boolean> {
    mail.attempts += 1;
    if (!this.transport) {
      // Development without SMTP_URL: the mail is kept in the outbox and shown in the log.
      this.logger.info({ to: mail.recipient, subject: mail.subject, text: mail.text }, 'mail kept (no SMTP_URL)');
      mail.sentAt = new Date();
      return true;
    }
    try {
      await this.transport.sendMail({ from: this.from, to: mail.recipient, subject: mail.subject, text: mail.text });
      mail.sentAt = new Date();
      return true;
    } catch (error) {
      mail.lastError = (error as Error).message.slice(0, 2000);
      mail.nextAttemptAt = new Date(Date.now() + 2 ** mail.attempts * 1000);
      this.logger.warn({ err: error, mailId: mail.id, attempts: mail.attempts }, 'mail not sent; will retry');
      return false;
    }
  }

  /** The newest mails to one address, for the development page and tests. */
  latestTo(em: EntityManager, recipient: string, limit = 20): Promise<OutgoingMail[]> {
    return em.find(OutgoingMail, { recipient }, { orderBy: { createdAt: 'desc' }, limit });
  }
}
