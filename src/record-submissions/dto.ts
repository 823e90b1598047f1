import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class SubmitRecordDto {
  @ApiProperty({ format: 'uuid', description: 'The body to submit your record to (its admins then read all of it, read-only)' })
  @IsUUID('all')
  bodyId!: string;

  @ApiPropertyOptional({
    description: 'Also join the body as a trainee (a TRAINEE grant there, your own act as at registration), e.g. when moving to it',
  })
  @IsOptional()
  @IsBoolean()
  joinAsTrainee?: boolean;
}

export class RecordSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty() bodyCode!: string;
  @ApiProperty() bodyName!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt!: string | null;
}

export class RecordSubmissionListDto {
  @ApiProperty({ type: [RecordSubmissionDto], description: 'Newest first; withdrawn ones too' }) items!: RecordSubmissionDto[];
}
