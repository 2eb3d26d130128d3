/* Greets with the library's help: needs xsdemo.h, which only xsdemo-devel ships. */
#include <stdio.h>

#include <xsdemo.h>

int main(int argc, char **argv)
{
    printf("%s\n", xsdemo_greet(argc > 1 ? argv[1] : "dom0"));
    printf("the answer is %d, twice 21 is %d\n", xsdemo_answer(), XSDEMO_TWICE(21));
    printf("built against %s\n", XSDEMO_GREETING);
    return 0;
}
