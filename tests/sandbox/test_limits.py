"""Resource limits are hard limits: set once, never raised again by the student."""
import os
import resource

from logicrm_edu.sandbox.limits import MB, Limits, apply_limits


def test_limits_are_hard_in_the_process_that_applies_them():
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        apply_limits(Limits(memory_mb=300, processes=50, cpu_seconds=7, file_mb=3, open_files=99))
        values = [resource.getrlimit(r) for r in (resource.RLIMIT_NPROC, resource.RLIMIT_CPU,
                                                  resource.RLIMIT_FSIZE, resource.RLIMIT_NOFILE,
                                                  resource.RLIMIT_CORE)]
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (8, 8))
            raised = "raised"
        except ValueError:
            raised = "refused"
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        os.write(write, repr((values, raised, soft == hard, hard > 300 * MB)).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    values, raised, address_hard, above_footprint = eval(os.read(read, 4096))
    assert values == [(50, 50), (7, 7), (3 * MB, 3 * MB), (99, 99), (0, 0)]
    assert raised == "refused" and address_hard and above_footprint
