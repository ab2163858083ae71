# frozen_string_literal: true

require "monitor"

module Referral
  # An open libreferral database (a file path or ":memory:").
  #
  #   Referral::Store.open("shop.db") { |s| s.create_program("spring") }
  #
  # Closed exactly once: by #close, the end of the open block, or GC. Calls
  # after close raise MisuseError. A store serialises its own calls; for
  # parallelism open one store per thread.
  class Store
    # Open a store; with a block, yield it and close it afterwards.
    def self.open(path, **options)
      store = new(path, **options)
      return store unless block_given?

      begin
        yield store
      ensure
        store.close
      end
    end

    # AutoPointer releaser (a Method, so it does not capture the store).
    def self.release(pointer)
      Native.rf_store_free(pointer)
    end

    attr_reader :path

    # Options: busy_timeout_ms (default 5000), durability (:normal or :full),
    # no_create (NotFoundError for a missing file), cache_size_kib, clock (a
    # callable returning a Time or Integer ms: the store's "now").
    def initialize(path, busy_timeout_ms: nil, durability: nil, no_create: false,
                   cache_size_kib: nil, clock: nil)
      @path = path.respond_to?(:to_path) ? path.to_path : path.to_s
      opts = options(busy_timeout_ms, durability, no_create, cache_size_kib)
      @clock = clock && Callback.clock(clock)
      opts[:clock] = @clock.function if @clock
      @lock = Monitor.new
      @handle = open_handle(Convert.text_in(@path, "path"), opts)
    end

    def closed?
      @handle.nil?
    end

    # Close the database and release the handle; closing twice is harmless.
    def close
      @lock.synchronize do
        return if @handle.nil?

        handle = @handle
        @handle = nil
        begin
          Referral.check!(Native.rf_store_close(handle))
        ensure
          handle.free
        end
      end
      nil
    end

    def inspect
      "#<Referral::Store #{@path.inspect}#{closed? ? ' closed' : ''}>"
    end

    # Verify the database; raises CorruptError naming the first problem.
    def check
      invoke(:rf_store_check, [])
      nil
    end

    # The store's clock (injected or system) as a UTC Time.
    def now
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_store_now, [out])
      Convert.time_out(out.read_int64)
    end

    # Call the block (operation, done, total) during long operations (replay,
    # score recompute); with no block, stop. total 0 means unknown. Raising
    # from the block cancels the operation, which writes nothing, and the
    # exception propagates from the call that was running.
    def on_progress(&block)
      adapter = block && Callback.progress(block)
      invoke(:rf_store_set_progress, [], adapter ? adapter.function : nil, nil)
      @progress = adapter
      nil
    end

    # -- programs --------------------------------------------------------------

    # Create a program; rules is a ProgramRules or a Hash merged over the defaults.
    def create_program(key, name: nil, rules: nil)
      keep = []
      fetch(:rf_program_create, :rf_program_free, Native::Program,
            text(key, "key"), text(name, "name"), rules_in(rules, keep)) do |c, _|
        Program.from_native(c)
      end
    end

    def program(key)
      fetch(:rf_program_get, :rf_program_free, Native::Program, text(key, "key")) do |c, _|
        Program.from_native(c)
      end
    end

    # Change name and/or rules (nil keeps); a rules change bumps rules_version.
    # A rules Hash is merged over the program's current rules.
    def update_program(key, name: nil, rules: nil)
      rules = program(key).rules.to_h.merge(rules.transform_keys(&:to_sym)) if rules.is_a?(Hash)
      keep = []
      fetch(:rf_program_update, :rf_program_free, Native::Program,
            text(key, "key"), text(name, "name"), rules_in(rules, keep)) do |c, _|
        Program.from_native(c)
      end
    end

    def archive_program(key)
      invoke(:rf_program_archive, [], text(key, "key"))
      nil
    end

    # All programs ordered by key.
    def programs(include_archived: false)
      flags = include_archived ? Native::LIST_INCLUDE_ARCHIVED : 0
      fetch(:rf_program_list, :rf_programs_free, Native::Programs, flags) do |c, _|
        Convert.each_item(c[:items], c[:count], Native::Program)
               .map { |p| Program.from_native(p) }
      end
    end

    def each_program(include_archived: false, &block)
      return enum_for(:each_program, include_archived: include_archived) unless block

      programs(include_archived: include_archived).each(&block)
    end

    # -- advocates -------------------------------------------------------------

    # Add an advocate; the email is kept only as a keyed hash. customer_id is
    # the host's customer id of this advocate (the referral graph); visitor_id,
    # ip and user_agent are what was seen at sign-up (ip and user agent kept
    # only as keyed hashes), compared by the fraud checks.
    def add_advocate(external_id, kind: nil, display_name: nil, email: nil, customer_id: nil,
                     visitor_id: nil, ip: nil, user_agent: nil)
      keep = []
      spec = Native::AdvocateSpec.new
      Referral.check!(Native.rf_advocate_spec_init(spec, Native::ADVOCATE_SPEC_VERSION))
      Convert.set_text(spec, :external_id, external_id, "external_id", keep)
      set_enum(spec, :kind, :advocate_kind, kind)
      Convert.set_text(spec, :display_name, display_name, "display_name", keep)
      Convert.set_text(spec, :email, email, "email", keep)
      Convert.set_text(spec, :customer_id, customer_id, "customer_id", keep)
      Convert.set_text(spec, :visitor_id, visitor_id, "visitor_id", keep)
      Convert.set_text(spec, :ip, ip, "ip", keep)
      Convert.set_text(spec, :user_agent, user_agent, "user_agent", keep)
      fetch(:rf_advocate_add, :rf_advocate_free, Native::Advocate, spec) do |c, _|
        Advocate.from_native(c)
      end
    end

    def advocate(external_id)
      fetch(:rf_advocate_get, :rf_advocate_free, Native::Advocate,
            text(external_id, "external_id")) { |c, _| Advocate.from_native(c) }
    end

    def deactivate_advocate(external_id)
      invoke(:rf_advocate_deactivate, [], text(external_id, "external_id"))
      nil
    end

    # One page in creation order and the next cursor (0 after the last page).
    def advocate_page(cursor: 0, limit: 100)
      fetch(:rf_advocate_list, :rf_advocates_free, Native::Advocates,
            Convert.int64(cursor, "cursor"), Convert.uint32(limit, "limit")) do |c, _|
        items = Convert.each_item(c[:items], c[:count], Native::Advocate)
                       .map { |a| Advocate.from_native(a) }
        [items, c[:next_cursor]]
      end
    end

    # Every advocate in creation order, fetched a page at a time.
    def each_advocate(page_size: 100)
      return enum_for(:each_advocate, page_size: page_size) unless block_given?

      cursor = 0
      loop do
        items, cursor = advocate_page(cursor: cursor, limit: page_size)
        items.each { |a| yield a }
        break if cursor.zero?
      end
      self
    end

    def advocates(page_size: 100)
      each_advocate(page_size: page_size)
    end

    # -- codes -----------------------------------------------------------------

    def issue_code(program, advocate, channel: nil, vanity: nil, expires_at: nil, max_uses: nil,
                   content: nil)
      keep = []
      spec = Native::CodeSpec.new
      Referral.check!(Native.rf_code_spec_init(spec, Native::CODE_SPEC_VERSION))
      Convert.set_text(spec, :program, program, "program", keep)
      Convert.set_text(spec, :advocate, advocate, "advocate", keep)
      set_enum(spec, :channel, :channel, channel)
      Convert.set_text(spec, :vanity, vanity, "vanity", keep)
      spec[:expires_at_ms] = Convert.time_in(expires_at, "expires_at")
      spec[:max_uses] = Convert.int64(max_uses, "max_uses") unless max_uses.nil?
      Convert.set_text(spec, :content, content, "content", keep)
      fetch(:rf_code_issue, :rf_code_free, Native::Code, spec) { |c, _| Code.from_native(c) }
    end

    # Resolve typed or clicked input into a usable code. Raises InvalidError,
    # CheckError (typo), NotFoundError, ExpiredError, DisabledError, ExhaustedError.
    def resolve_code(input)
      fetch(:rf_code_resolve, :rf_code_free, Native::Code, text(input, "code")) do |c, _|
        Code.from_native(c)
      end
    end

    # A code in any state.
    def code(input)
      fetch(:rf_code_get, :rf_code_free, Native::Code, text(input, "code")) do |c, _|
        Code.from_native(c)
      end
    end

    # An advocate's codes in issue order, in one program (or all), in any state.
    def codes(advocate, program: nil)
      fetch(:rf_code_list, :rf_codes_free, Native::Codes, text(program, "program"),
            text(advocate, "advocate")) do |c, _|
        Convert.each_item(c[:items], c[:count], Native::Code).map { |x| Code.from_native(x) }
      end
    end

    def disable_code(input)
      invoke(:rf_code_disable, [], text(input, "code"))
      nil
    end

    # -- touchpoints -----------------------------------------------------------

    # Record a click/visit/scan; without visitor_id the library makes a UUID.
    # direct: true marks a direct/organic visit (no link): the last-non-direct
    # model passes over it.
    def record_touchpoint(code, visitor_id: nil, kind: nil, at: nil, landing_url: nil, ip: nil,
                          user_agent: nil, direct: false)
      keep = []
      spec = touchpoint_spec({ code: code, visitor_id: visitor_id, kind: kind, at: at,
                               landing_url: landing_url, ip: ip, user_agent: user_agent,
                               direct: direct }, keep)
      fetch(:rf_touchpoint_record, :rf_touchpoint_free, Native::Touchpoint, spec) do |c, _|
        Touchpoint.from_native(c)
      end
    end

    # Record many touchpoints (Hashes with record_touchpoint's keywords, each with
    # a :visitor_id) in one transaction, all or nothing. Returns the count.
    def record_touchpoints(specs)
      keep = []
      structs = specs.map { |s| touchpoint_spec(s, keep) }
      array = FFI::MemoryPointer.new(:pointer, [structs.size, 1].max)
      array.write_array_of_pointer(structs.map(&:pointer)) unless structs.empty?
      invoke(:rf_touchpoint_record_batch, [], array, structs.size)
      structs.size
    end

    # -- conversions -----------------------------------------------------------

    # Record and attribute a conversion (idempotent on program + order_id). The
    # same order again returns the original with duplicate == true; with other
    # data it raises ConflictError. customer_id ties the visitor to the host's
    # customer (the touchpoints of all its visitor ids count); code is a code
    # typed at checkout or used as a coupon. email, ip and user_agent describe
    # the converting customer for the fraud checks (keyed hashes only);
    # existing_customer marks a customer the host already had.
    def record_conversion(program, visitor_id:, order_id:, value_minor: 0, currency: nil,
                          kind: nil, at: nil, customer_id: nil, code: nil, email: nil, ip: nil,
                          user_agent: nil, existing_customer: false)
      keep = []
      spec = Native::ConversionSpec.new
      Referral.check!(Native.rf_conversion_spec_init(spec, Native::CONVERSION_SPEC_VERSION))
      Convert.set_text(spec, :program, program, "program", keep)
      Convert.set_text(spec, :visitor_id, visitor_id, "visitor_id", keep)
      Convert.set_text(spec, :order_id, order_id, "order_id", keep)
      set_enum(spec, :kind, :conversion_kind, kind)
      spec[:value_minor] = Convert.int64(value_minor, "value_minor")
      Convert.set_text(spec, :currency, currency, "currency", keep)
      spec[:at_ms] = Convert.time_in(at, "at")
      Convert.set_text(spec, :customer_id, customer_id, "customer_id", keep)
      Convert.set_text(spec, :code, code, "code", keep)
      Convert.set_text(spec, :email, email, "email", keep)
      Convert.set_text(spec, :ip, ip, "ip", keep)
      Convert.set_text(spec, :user_agent, user_agent, "user_agent", keep)
      spec[:existing_customer] = existing_customer ? 1 : 0
      fetch(:rf_conversion_record, :rf_conversion_free, Native::Conversion, spec) do |c, status|
        Conversion.from_native(c, duplicate: status == RF_DUPLICATE)
      end
    end

    # Refund amount_minor (nil: everything left) of a conversion, split over its
    # credit in proportion to each share; returns the conversion after it.
    # Idempotent on refund_id (the same refund again: duplicate == true); the
    # same id with another amount raises ConflictError, more than is left
    # InvalidError.
    def refund(program, order_id, refund_id:, amount_minor: nil, at: nil)
      keep = []
      spec = Native::RefundSpec.new
      Referral.check!(Native.rf_refund_spec_init(spec, Native::REFUND_SPEC_VERSION))
      Convert.set_text(spec, :program, program, "program", keep)
      Convert.set_text(spec, :order_id, order_id, "order_id", keep)
      Convert.set_text(spec, :refund_id, refund_id, "refund_id", keep)
      unless amount_minor.nil?
        amount = Convert.int64(amount_minor, "amount_minor")
        raise Referral.invalid("amount_minor: must be > 0 (nil refunds everything left)") unless amount.positive?

        spec[:amount_minor] = amount
      end
      spec[:at_ms] = Convert.time_in(at, "at")
      fetch(:rf_conversion_refund, :rf_conversion_free, Native::Conversion, spec) do |c, status|
        Conversion.from_native(c, duplicate: status == RF_DUPLICATE)
      end
    end

    # -- identity and attribution ----------------------------------------------

    # Tie a visitor id to the host's customer id (cross-device journeys). Tying
    # the same pair again is harmless; another customer raises ConflictError.
    def identify(visitor_id, customer_id)
      invoke(:rf_identify, [], text(visitor_id, "visitor_id"), text(customer_id, "customer_id"))
      nil
    end

    # Fit a data-driven model (:markov or :shapley) on the program's journeys;
    # later conversions under that model use the fitted values.
    def fit_model(program, model)
      c_model = Convert.enum_in(:model, model, "model")
      raise Referral.invalid("model: required") if c_model.nil?

      fetch(:rf_model_fit, :rf_fit_free, Native::Fit, text(program, "program"), c_model) do |c, _|
        Fit.from_native(c)
      end
    end

    # Re-attribute the program's conversions in [from, to) under other rules and
    # compare with what is stored, per advocate and channel; nothing is written.
    # rules (ProgramRules or Hash) and the keyword changes are merged over the
    # program's current rules: replay("spring", model: :linear, lookback_ms: 7 * DAY_MS).
    def replay(program, rules: nil, from: nil, to: nil, **changes)
      base = self.program(program).rules.to_h
      base = base.merge(rules.to_h.transform_keys(&:to_sym)) unless rules.nil?
      base = base.merge(changes) unless changes.empty?
      keep = []
      fetch(:rf_replay_run, :rf_replay_free, Native::Replay, text(program, "program"),
            rules_in(base, keep), Convert.time_in(from, "from"), Convert.time_in(to, "to")) do |c, _|
        Replay.from_native(c)
      end
    end

    def conversion(program, order_id)
      fetch(:rf_conversion_get, :rf_conversion_free, Native::Conversion,
            text(program, "program"), text(order_id, "order_id")) do |c, _|
        Conversion.from_native(c)
      end
    end

    # Why a conversion was credited as it was.
    def explanation(program, order_id)
      fetch(:rf_explanation_get, :rf_explanation_free, Native::Explanation,
            text(program, "program"), text(order_id, "order_id")) do |c, _|
        Explanation.from_native(c)
      end
    end

    # -- stats -----------------------------------------------------------------

    # Counts for a program (or one advocate in it) over [from, to).
    def stats(program, advocate: nil, from: nil, to: nil)
      keep = []
      query = Native::StatsQuery.new
      Referral.check!(Native.rf_stats_query_init(query, Native::STATS_QUERY_VERSION))
      Convert.set_text(query, :program, program, "program", keep)
      Convert.set_text(query, :advocate, advocate, "advocate", keep)
      query[:from_ms] = Convert.time_in(from, "from")
      query[:to_ms] = Convert.time_in(to, "to")
      fetch(:rf_stats_get, :rf_stats_free, Native::Stats, query) { |c, _| Stats.from_native(c) }
    end

    private

    def options(busy_timeout_ms, durability, no_create, cache_size_kib)
      opts = Native::StoreOptions.new
      Referral.check!(Native.rf_store_options_init(opts, Native::STORE_OPTIONS_VERSION))
      opts[:busy_timeout_ms] = Convert.int32(busy_timeout_ms, "busy_timeout_ms") if busy_timeout_ms
      value = Convert.durability_in(durability)
      opts[:durability] = value unless value.nil?
      opts[:flags] |= Native::STORE_NO_CREATE if no_create
      opts[:cache_size_kib] = Convert.int32(cache_size_kib, "cache_size_kib") if cache_size_kib
      opts
    end

    def open_handle(path, opts)
      out = FFI::MemoryPointer.new(:pointer)
      status = Native.rf_store_open(out, path, opts)
      pointer = out.read_pointer
      begin
        @clock&.raise_pending!
        Referral.check!(status)
      rescue Exception # rubocop:disable Lint/RescueException
        Native.rf_store_free(pointer) unless pointer.null?
        raise
      end
      FFI::AutoPointer.new(pointer, self.class.method(:release))
    end

    # Call Native.fn(*outs, handle, *inputs) under the store's lock.
    def invoke(fn, outs, *inputs)
      @lock.synchronize do
        raise MisuseError.new("the store is closed", -9) if @handle.nil?

        status = Native.public_send(fn, *outs, @handle, *inputs)
        @clock&.raise_pending!
        @progress&.raise_pending!
        Referral.check!(status)
      end
    end

    # Call a function returning an object, yield it (to copy it out), then free it.
    def fetch(fn, free_fn, klass, *inputs)
      out = FFI::MemoryPointer.new(:pointer)
      begin
        status = invoke(fn, [out], *inputs)
        yield klass.new(out.read_pointer), status
      ensure
        pointer = out.read_pointer
        Native.public_send(free_fn, pointer) unless pointer.null?
      end
    end

    def text(value, what)
      Convert.text_in(value, what)
    end

    def set_enum(struct, field, type, value)
      c = Convert.enum_in(type, value, field.to_s)
      struct[field] = c unless c.nil?
    end

    def rules_in(rules, keep)
      return nil if rules.nil?

      if rules.is_a?(Hash)
        unknown = rules.keys.map(&:to_sym) - ProgramRules.members
        raise ArgumentError, "unknown rules: #{unknown.join(', ')}" unless unknown.empty?

        rules = ProgramRules.default.to_h.merge(rules.transform_keys(&:to_sym))
      end
      unless rules.is_a?(ProgramRules) || rules.is_a?(Hash)
        raise TypeError, "rules: expected ProgramRules or Hash, got #{rules.class}"
      end

      c = Native::ProgramRules.new
      Referral.check!(Native.rf_program_rules_init(c, Native::PROGRAM_RULES_VERSION))
      set_enum(c, :model, :model, rules[:model])
      c[:code_length] = Convert.int32(rules[:code_length], "code_length")
      c[:lookback_ms] = Convert.int64(rules[:lookback_ms], "lookback_ms")
      c[:duplicate_window_ms] = Convert.int64(rules[:duplicate_window_ms], "duplicate_window_ms")
      c[:lock_first_referrer] = rules[:lock_first_referrer] ? 1 : 0
      c[:half_life_ms] = Convert.int64(rules[:half_life_ms], "half_life_ms")
      c[:position_first_bp] = Convert.int32(rules[:position_first_bp], "position_first_bp")
      c[:position_last_bp] = Convert.int32(rules[:position_last_bp], "position_last_bp")
      set_weights(c, rules[:custom_weights] || [], keep)
      c[:sale_follows_lead] = rules[:sale_follows_lead] ? 1 : 0
      c[:renewal_months] = Convert.int32(rules[:renewal_months], "renewal_months")
      keep << c
      c
    end

    def set_weights(c, weights, keep)
      raise TypeError, "custom_weights: expected an Array, got #{weights.class}" unless weights.is_a?(Array)

      values = weights.each_with_index.map { |w, i| Convert.int32(w, "custom_weights[#{i}]") }
      c[:custom_count] = values.size
      return c[:custom_weights] = FFI::Pointer::NULL if values.empty?

      mem = FFI::MemoryPointer.new(:int32, values.size)
      mem.write_array_of_int32(values)
      keep << mem
      c[:custom_weights] = mem
    end

    def touchpoint_spec(fields, keep)
      unknown = fields.keys - %i[code visitor_id kind at landing_url ip user_agent direct]
      raise ArgumentError, "unknown touchpoint fields: #{unknown.join(', ')}" unless unknown.empty?

      spec = Native::TouchpointSpec.new
      Referral.check!(Native.rf_touchpoint_spec_init(spec, Native::TOUCHPOINT_SPEC_VERSION))
      %i[code visitor_id landing_url ip user_agent].each do |f|
        Convert.set_text(spec, f, fields[f], f.to_s, keep)
      end
      set_enum(spec, :kind, :touchpoint_kind, fields[:kind])
      spec[:at_ms] = Convert.time_in(fields[:at], "at")
      spec[:direct] = fields[:direct] ? 1 : 0
      keep << spec
      spec
    end
  end
end
