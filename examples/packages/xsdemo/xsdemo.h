/* xsdemo: a small library shaped like dom0's, for xsbuild's examples and tests. */
#ifndef XSDEMO_H
#define XSDEMO_H

#define XSDEMO_VERSION "1.0"

/* Only this header defines these: a build that uses them needs xsdemo-devel. */
#define XSDEMO_GREETING "Hello from xsdemo " XSDEMO_VERSION
#define XSDEMO_TWICE(x) (2 * (x))

/* The library's answer to everything. */
int xsdemo_answer(void);

/* A greeting for a name, in a static buffer. */
const char *xsdemo_greet(const char *name);

#endif
