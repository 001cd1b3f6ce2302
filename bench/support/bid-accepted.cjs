'use strict';
/** autocannon `verifyBody`: an answer counts only when the bid was saved (it carries the bid's id). */
module.exports = function verifyBody(body) {
  try {
    return Boolean(JSON.parse(body).data?.bidSubmit?.bid?.id);
  } catch {
    return false;
  }
};
