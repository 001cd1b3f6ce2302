import { createTransport } from 'nodemailer';
import { defineModule } from '../common/module.js';
import type { AppConfig } from '../config/env.js';
import { createLogger } from '../observability/logger.js';
import { OutgoingMail } from './mail.entity.js';
import { MailService } from './mail.service.js';

export { OutgoingMail } from './mail.entity.js';
export { MailService, type Mail } from './mail.service.js';

/**
 * Mail: a durable outbox in PostgreSQL, written in the unit of work of the change that causes a
 * mail, and sent by a periodic job over SMTP (`SMTP_URL`). Without SMTP_URL outside production,
 * mails are kept in the outbox and written to the log instead.
 */
export const mailModule = defineModule({
  name: 'mail',
  entities: [OutgoingMail],
  createServices: ({ config }: { config: AppConfig }) => {
    const production = config.NODE_ENV === 'production';
    const logger = createLogger({ level: config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL, pretty: false });
    const transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
    // In production without SMTP, nothing pretends to send: mails wait in the outbox.
    return { mail: new MailService(transport, config.MAIL_FROM, logger, !production || transport !== null) };
  },
  jobs: [{ name: 'mails sent', run: ({ mail }, context) => mail.deliverDue(context) }],
});
