#include <stdio.h>

#include "xsdemo.h"

int xsdemo_answer(void)
{
    return XSDEMO_TWICE(21);
}

const char *xsdemo_greet(const char *name)
{
    static char buffer[256];
    snprintf(buffer, sizeof buffer, "%s, %s", XSDEMO_GREETING, name);
    return buffer;
}
