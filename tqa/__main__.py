from tqa.cli import main

raise SystemExit(main())
