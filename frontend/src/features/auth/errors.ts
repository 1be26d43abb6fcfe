import { errorMessage, isApiError } from '@/lib/api-client';

/** Sign-in failures in plain words; the node's own detail where it has nothing better to say. */
export const signInErrorMessage = (error: unknown): string => {
  if (!isApiError(error)) return errorMessage(error);
  switch (error.code) {
    case 'RATE_LIMITED':
      return 'Too many attempts from here. Wait a minute, then try again.';
    case 'CSRF_REJECTED':
      return 'The page lost its security token. Reload it and try again.';
    case 'PASSKEY_REJECTED':
      return 'This passkey was not accepted: it may have been removed from your account. Sign in with an email link instead, then add a new passkey.';
    case 'INVALID_SETUP_CODE':
      return "That setup code is not right. Copy it again from the node's log (it changes every time the node starts).";
    case 'SETUP_COMPLETE':
      return 'This node already has an admin. Sign in with a passkey or an email link instead.';
    case 'SIGNUP_CLOSED':
      return 'Sign-up is closed on this node.';
    case 'VALIDATION_FAILED':
      return error.fieldErrors.email ? `Email ${error.fieldErrors.email}.` : errorMessage(error);
    default:
      return errorMessage(error);
  }
};
