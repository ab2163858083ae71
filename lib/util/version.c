/* Version of the linked library. */
#include "internal.h"

int rf_version(int *major, int *minor, int *patch)
{
	if (major)
		*major = RF_VERSION_MAJOR;
	if (minor)
		*minor = RF_VERSION_MINOR;
	if (patch)
		*patch = RF_VERSION_PATCH;
	return RF_VERSION_NUMBER;
}

const char *rf_version_string(void)
{
	return RF_VERSION_STRING;
}
