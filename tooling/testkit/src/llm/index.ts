export { messagesOf, reply, startFakeModel } from './fake-openai.js';
export type { FakeModel, FakeModelOptions, FakeModelReply, FakeRequest } from './fake-openai.js';
export { TECHSTART_PAGES, serveTechstart } from './techstart-site.js';
export { TECHSTART_ANSWERS, featureOf, techstartScript } from './techstart-answers.js';
