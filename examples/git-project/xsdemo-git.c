/* xsdemo-git: says which version it was built as. */
#include <stdio.h>

#ifndef VERSION
#define VERSION "unknown"
#endif

int main(void)
{
    printf("xsdemo-git %s\n", VERSION);
    return 0;
}
