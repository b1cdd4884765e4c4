"""Running a student's notebook code where it can do no harm.

- :mod:`.bwrap`: what a sandbox shows of the machine (the bubblewrap command line);
- :mod:`.host`: the grader's side: start a sandbox, get kernels from it, stop it;
- :mod:`.zygote` and :mod:`.isolation`: inside: a warm process that forks one kernel
  per submission, each in namespaces, a workspace and limits of its own;
- :mod:`.kernels`: those kernels behind jupyter_client's interfaces;
- :mod:`.limits`, :mod:`.cgroups`: what a kernel may use; :mod:`.probe`: whether this
  machine can sandbox at all; :mod:`.linux`: the system calls Python 3.11 lacks.
"""
