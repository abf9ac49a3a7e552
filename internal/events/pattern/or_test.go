package pattern

import "testing"

func TestPattern_Or(t *testing.T) {
	t.Parallel()
	// source && (metricName || namespace)
	const simple = `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization","ReadLatency"]},{"namespace":["AWS/EC2","AWS/ES"]}]}`
	// (metricName || namespace) && (detail.source || detail.detail-type)
	const parallel = `{"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}],` +
		`"detail":{"$or":[{"source":["aws.cloudwatch"]},{"detail-type":["CloudWatch Alarm State Change"]}]}}`
	// source && (metricName || (metricType && namespace && (metricId || spaceId)) || scope)
	const nested = `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization"]},` +
		`{"metricType":["MetricType"],"namespace":["AWS/EC2"],"$or":[{"metricId":[1234]},{"spaceId":[1000]}]},` +
		`{"scope":["Service"]}]}`
	runMatchCases(t, []matchCase{
		{"FirstAlternative", simple, `{"source":"aws.cloudwatch","metricName":"ReadLatency"}`, true},
		{"SecondAlternative", simple, `{"source":"aws.cloudwatch","namespace":"AWS/ES"}`, true},
		{"NoAlternative", simple, `{"source":"aws.cloudwatch","namespace":"AWS/S3"}`, false},
		{"AlternativeButNotAnd", simple, `{"source":"aws.ec2","metricName":"ReadLatency"}`, false},
		{"ParallelBoth", parallel, `{"namespace":"AWS/EC2","detail":{"detail-type":"CloudWatch Alarm State Change"}}`, true},
		{"ParallelOnlyOne", parallel, `{"namespace":"AWS/EC2","detail":{"source":"aws.ec2"}}`, false},
		{"ParallelNoDetail", parallel, `{"metricName":"CPUUtilization"}`, false},
		{"NestedInner", nested, `{"source":"aws.cloudwatch","metricType":"MetricType","namespace":"AWS/EC2","spaceId":1000}`, true},
		{"NestedInnerMissing", nested, `{"source":"aws.cloudwatch","metricType":"MetricType","namespace":"AWS/EC2"}`, false},
		{"NestedOuterThird", nested, `{"source":"aws.cloudwatch","scope":"Service"}`, true},
		{"NestedNumberAsFloat", nested, `{"source":"aws.cloudwatch","metricType":"MetricType","namespace":"AWS/EC2","metricId":1234.0}`, true},
		{"OrWithOperators", `{"$or":[{"a":[{"numeric":[">",10]}]},{"b":[{"prefix":"x"}]}]}`, `{"a":5,"b":"xyz"}`, true},
		{"OrWithExistsFalse", `{"$or":[{"a":[{"exists":false}]},{"a":["z"]}]}`, `{"a":"z"}`, true},
		{"OrWithExistsFalseOther", `{"$or":[{"a":[{"exists":false}]},{"a":["z"]}]}`, `{"a":"y"}`, false},
		{"OrInArrayElement", `{"items":{"$or":[{"k":["a"]},{"v":[1]}],"w":[true]}}`,
			`{"items":[{"k":"a","w":false},{"v":1,"w":true}]}`, true},
		{"OrInArrayElementsInconsistent", `{"items":{"$or":[{"k":["a"]},{"v":[1]}],"w":[true]}}`,
			`{"items":[{"k":"a","w":false},{"v":2,"w":true}]}`, false},
	})
}
