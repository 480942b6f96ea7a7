using AppointmentSlices.Infrastructure;
using AppointmentSlices.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AppointmentSlices.Tests.Harness.Providers;

/// <summary>One test (or one data row of a theory) on one provider.</summary>
public sealed class ProviderTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ProviderTestCase() { }

    public ProviderTestCase(
        IMessageSink diagnostics,
        TestMethodDisplay display,
        TestMethodDisplayOptions displayOptions,
        ITestMethod testMethod,
        StorageProvider provider,
        object[]? arguments = null
    )
        : base(diagnostics, display, displayOptions, testMethod, arguments)
    {
        Provider = provider;
    }

    public StorageProvider Provider { get; private set; }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        $"{base.GetDisplayName(factAttribute, displayName)} [{Provider}]";

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? TestProvider.SkipReason(Provider, factAttribute)!;

    protected override string GetUniqueID() => $"{base.GetUniqueID()}:{Provider}";

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue(nameof(Provider), Provider.ToString());
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Provider = Enum.Parse<StorageProvider>(data.GetValue<string>(nameof(Provider)));
        base.Deserialize(data);
    }

    public override Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource
    ) =>
        TestProvider.RunOnAsync(Provider, () =>
            base.RunAsync(diagnosticMessageSink, messageBus, constructorArguments, aggregator, cancellationTokenSource)
        );
}

/// <summary>A theory whose data is enumerated at run time, on one provider.</summary>
public sealed class ProviderTheoryTestCase : XunitTheoryTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ProviderTheoryTestCase() { }

    public ProviderTheoryTestCase(
        IMessageSink diagnostics,
        TestMethodDisplay display,
        TestMethodDisplayOptions displayOptions,
        ITestMethod testMethod,
        StorageProvider provider
    )
        : base(diagnostics, display, displayOptions, testMethod)
    {
        Provider = provider;
    }

    public StorageProvider Provider { get; private set; }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        $"{base.GetDisplayName(factAttribute, displayName)} [{Provider}]";

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? TestProvider.SkipReason(Provider, factAttribute)!;

    protected override string GetUniqueID() => $"{base.GetUniqueID()}:{Provider}";

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue(nameof(Provider), Provider.ToString());
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Provider = Enum.Parse<StorageProvider>(data.GetValue<string>(nameof(Provider)));
        base.Deserialize(data);
    }

    public override Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource
    ) =>
        TestProvider.RunOnAsync(Provider, () =>
            base.RunAsync(diagnosticMessageSink, messageBus, constructorArguments, aggregator, cancellationTokenSource)
        );
}
