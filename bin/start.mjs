#!/usr/bin/env node
// `npm start`: the desktop app is built in issue 4. Until then, say so in one line
// and point at what exists, rather than failing with a stack trace.
console.error('Keisan\'s desktop app is not built yet. Meanwhile run the lesson with: npx keisan run resources/lessons/sgd/sgd_function.ts');
process.exit(1);
