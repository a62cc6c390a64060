import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'kind' })
  field?: string;

  @ApiProperty({ type: [String], description: 'What is wrong, in English, for integrators and logs' })
  messages: string[];

  @ApiPropertyOptional({ example: 'Får vara högst 200 tecken.', description: "Swedish, shown beside the field; without it the error's own message applies to the field" })
  message?: string;
}

/** The one error shape of the API. */
export class ErrorResponseDto {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({ example: 'SEAT_OVERLAP', description: 'Stable machine-readable code' })
  error: string;

  @ApiProperty({ example: 'Personen har redan ett uppdrag i organet under den perioden', description: 'Swedish, shown to users' })
  message: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];

  @ApiProperty({ description: 'Request id, also in the logs' })
  requestId: string;
}
