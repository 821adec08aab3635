// A supervised child that dies at once, every time (a crash loop).
console.error('crashing-child: cannot start (on purpose)');
process.exit(3);
