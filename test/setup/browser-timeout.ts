// A browser journey signs in, clicks through pages and waits for the worker's e-mail.
jest.setTimeout(180_000);
