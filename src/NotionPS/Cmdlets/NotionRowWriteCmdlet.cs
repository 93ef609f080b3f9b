using System.Management.Automation;
using System.Threading.Tasks;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The base of the cmdlets that change rows one request per input: several requests in flight
    /// (-ThrottleLimit) within the rate limit, results and per-row errors written in input order.
    /// </summary>
    public abstract class NotionRowWriteCmdlet : NotionCmdlet
    {
        private OrderedWork<PendingRow>? work;
        private RowDisplay? display;

        /// <summary>How many requests may be in flight at once (the rate limit still holds).</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        private protected OrderedWork<PendingRow> Work => work!;

        /// <summary>Whether finished rows are written to the output (always for Add; with -PassThru otherwise).</summary>
        private protected abstract bool WritesRows { get; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            work = new OrderedWork<PendingRow>(this, ThrottleLimit, Complete);
            display = new RowDisplay(this);
        }

        protected override void EndProcessing() => work?.Drain();

        /// <summary>Writes one finished row or its error; called in input order on the pipeline thread.</summary>
        private protected virtual void Complete(PendingRow item, Task task) => RowWork.Complete(this, item, task, WritesRows ? display : null);
    }
}
