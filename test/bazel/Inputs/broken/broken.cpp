// Does not compile: async-lint cannot analyse it, and the action fails.
int f() { return undeclared; }
