/* The binary the exec storm runs: does nothing, linked statically so the storm measures exec, not ld.so. */
int main(void)
{
	return 0;
}
