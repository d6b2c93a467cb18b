// `npm start [solver]`: the breast-cancer fit (examples/breast-cancer.mjs);
// `npm start -- spam`: text classification on the SpamAssassin corpus (examples/spam.mjs).
await import(process.argv[2] === 'spam' ? './spam.mjs' : './breast-cancer.mjs');
