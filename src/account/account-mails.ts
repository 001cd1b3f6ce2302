import type { Mail } from '../mail/index.js';
import { AccountTokenPurpose } from './account.entity.js';

const SIGNATURE = '\n\nIf you did not ask for this, ignore this mail: nothing changes.\n';

/** The words of every mail the account module sends. */
export const accountMails = {
  forToken(purpose: AccountTokenPurpose, to: string, token: string, appUrl: string): Mail {
    switch (purpose) {
      case AccountTokenPurpose.VERIFY_EMAIL:
        return {
          to,
          kind: purpose,
          subject: 'Confirm your email address',
          text: `Confirm that this address is yours:\n\n${appUrl}/verify-email?token=${token}\n\nor send the mutation emailVerify with this token:\n\n${token}\n\nThe link works for 7 days.${SIGNATURE}`,
        };
      case AccountTokenPurpose.RESET_PASSWORD:
        return {
          to,
          kind: purpose,
          subject: 'Reset your password',
          text: `Choose a new password:\n\n${appUrl}/reset-password?token=${token}\n\nor send the mutation passwordReset with this token:\n\n${token}\n\nThe link works for one hour, once. Every device signed in to the account will be signed out.${SIGNATURE}`,
        };
      case AccountTokenPurpose.CHANGE_EMAIL:
        return {
          to,
          kind: purpose,
          subject: 'Confirm your new email address',
          text: `Confirm that your account should use this address from now on:\n\n${appUrl}/confirm-email-change?token=${token}\n\nor send the mutation emailChangeConfirm with this token:\n\n${token}\n\nThe link works for 24 hours.${SIGNATURE}`,
        };
    }
  },
  signUpWithYourAddress(to: string, appUrl: string): Mail {
    return {
      to,
      kind: 'ADDRESS_ALREADY_REGISTERED',
      subject: 'Someone tried to use your email address',
      text: `Someone tried to sign up, or to move an account, with this address, which already has an account. If it was you, log in; if you forgot the password, reset it at ${appUrl}/reset-password.${SIGNATURE}`,
    };
  },
  passwordChanged(to: string): Mail {
    return {
      to,
      kind: 'PASSWORD_CHANGED',
      subject: 'Your password was changed',
      text: 'The password of your account was just changed, and every device signed in to it was signed out. If this was not you, reset your password at once.\n',
    };
  },
  emailChanged(to: string, newEmail: string): Mail {
    return {
      to,
      kind: 'EMAIL_CHANGED',
      subject: 'Your account now uses another email address',
      text: `Your account's email address was changed to ${newEmail}. If this was not you, reset your password and contact support.\n`,
    };
  },
};
