// A stand-in for a worker thread that cannot load the parser at all.
throw new Error('Cannot find package "tsx"');
