from radar_as_code.cli import main

raise SystemExit(main())
