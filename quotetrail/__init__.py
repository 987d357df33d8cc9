"""quotetrail above the layers: the command line (``cli``), its configuration (``config``)
and the error classes every layer raises (``errors``, a stdlib-only leaf module)."""
